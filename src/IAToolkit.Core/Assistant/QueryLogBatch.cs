namespace IAToolkit.Assistant;

/// <summary>Rows of the query log a writer has taken from Redis, under one claim.</summary>
/// <param name="Id">The claim; the batch stays in Redis under it until written.</param>
/// <param name="Rows">The rows, oldest first.</param>
/// <param name="Reclaimed">Whether a writer taken for dead held it before.</param>
internal sealed record QueryLogBatch(string Id, IReadOnlyList<QueryLogEntry> Rows, bool Reclaimed);
