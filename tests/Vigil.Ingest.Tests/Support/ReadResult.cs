using Vigil.Core.Events;

namespace Vigil.Ingest.Tests.Support;

/// <summary>What reading one source gave.</summary>
internal sealed record ReadResult(IReadOnlyList<EventRecord> Events, IReadOnlyList<ReadError> Errors, IReadOnlyList<long> BatchBytes);
