using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace IAToolkit.Knowledge.Store;

/// <summary>Writes a document's chunks with a binary COPY, inside the caller's transaction.</summary>
internal static class ChunkCopy
{
    // COPY cannot call to_tsvector, so PostgreSQL makes the full-text vectors first, in the chunks' order, and the COPY
    // sends them back with the rest of each row: the vectors are PostgreSQL's own, made with the company's configuration.
    private const string TsVectorsSql = """
        SELECT to_tsvector(@Config::regconfig, t.text)
        FROM unnest(@Texts::text[]) WITH ORDINALITY AS t(text, n)
        ORDER BY t.n
        """;

    private const string CopySql = "COPY iat_chunks (company_id, document_id, chunk_index, page, text, metadata, embedding, tsv) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(
        NpgsqlConnection connection, Company company, long documentId, string metadata, IReadOnlyList<ChunkToStore> chunks, CancellationToken ct)
    {
        if (chunks.Count == 0)
        {
            return;
        }

        // PostgreSQL text cannot hold NUL, which some PDF extractors leave in.
        var texts = chunks.Select(c => c.Text.Replace("\0", string.Empty, StringComparison.Ordinal)).ToArray();
        var tsVectors = await TsVectorsAsync(connection, TextSearchConfiguration.For(company), texts, ct);

        await using var writer = await connection.BeginBinaryImportAsync(CopySql, ct);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(company.Id, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(documentId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(chunk.Index, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(chunk.Page, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(texts[i], NpgsqlDbType.Text, ct);
            await writer.WriteAsync(metadata, NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(new Vector(chunk.Embedding), "vector", ct);
            await writer.WriteAsync(tsVectors[i], NpgsqlDbType.TsVector, ct);
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task<NpgsqlTsVector[]> TsVectorsAsync(NpgsqlConnection connection, string configuration, string[] texts, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(TsVectorsSql, connection);
        command.Parameters.AddWithValue("Config", configuration);
        command.Parameters.AddWithValue("Texts", texts);
        var vectors = new NpgsqlTsVector[texts.Length];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            vectors[i] = reader.GetFieldValue<NpgsqlTsVector>(0);
        }

        return vectors;
    }
}
