using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Text;

/// <summary>
/// A line-based event format (NDJSON, syslog, CEF, LEEF, Zeek TSV, auditd...): how to parse the lines of a batch, and
/// optionally state carried from block to block (a header) and where a block may end (so that a multi-line record is
/// never split between two batches). <see cref="LineBatchReader"/> cuts the input into line-aligned blocks and calls
/// <see cref="InspectBlock"/> and <see cref="FindCut"/> on the reading thread, in order; <see cref="CreateParser"/> runs on
/// whichever worker parses the batch.
/// </summary>
internal abstract class LineFormat
{
    /// <summary>Creates the parser for one batch.</summary>
    /// <param name="source">The input name, for records and errors.</param>
    /// <param name="record">The scratch record to fill.</param>
    /// <param name="schema">The schema to resolve names against.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed record.</param>
    /// <param name="blockState">What <see cref="InspectBlock"/> returned for this batch.</param>
    /// <returns>The parser.</returns>
    public abstract ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState);

    /// <summary>
    /// Looks at a block before it becomes a batch (in input order, on the reading thread) and returns the state its parser
    /// needs, for example the header in force at the start of the block. The default keeps no state.
    /// </summary>
    /// <param name="block">The block: whole lines.</param>
    /// <param name="firstLine">The 1-based number of its first line.</param>
    /// <returns>The state handed to <see cref="CreateParser"/>.</returns>
    public virtual object? InspectBlock(ReadOnlySpan<byte> block, long firstLine) => null;

    /// <summary>
    /// Returns where the block may end: an offset just after a line feed, or the block length. The rest is carried to the
    /// next block. Returning 0 means "no safe cut": the whole block is kept. The default cuts at the end.
    /// </summary>
    /// <param name="block">The block: whole lines, ending with a line feed.</param>
    /// <returns>The cut offset.</returns>
    public virtual int FindCut(ReadOnlySpan<byte> block) => block.Length;
}
