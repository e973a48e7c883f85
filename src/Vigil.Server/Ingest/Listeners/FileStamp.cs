namespace Vigil.Server.Ingest.Listeners;

/// <summary>What the folder watcher compares between two polls to tell whether a file is still being written.</summary>
/// <param name="Length">The size in bytes.</param>
/// <param name="LastWriteUtc">The last write time.</param>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc);
