namespace Vigil.Server.Ingest.Listeners;

/// <summary>How the folder watcher may cut a file into batches.</summary>
internal enum WatchedFileKind
{
    /// <summary>Text whose lines are independent records: may be split at line boundaries.</summary>
    Lines,

    /// <summary>A binary file (EVTX, gzip): journaled whole.</summary>
    Binary,

    /// <summary>One text document (a JSON array, a JSON value over several lines, CloudTrail, XML): journaled whole.</summary>
    Document,
}
