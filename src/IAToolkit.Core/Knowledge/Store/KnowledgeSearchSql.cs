using System.Globalization;
using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>
/// The hybrid search statement. Two candidate lists, each of the company's chunks only, fused with Reciprocal Rank
/// Fusion (k = 60): the nearest by cosine distance and the best by <c>ts_rank_cd</c> of a <c>websearch_to_tsquery</c>.
/// </summary>
/// <remarks>
/// {0} is the company id and {1} the dimension, two integers formatted invariantly: the only text ever put into the
/// statement. Both are literals on purpose. The vector list must read
/// <c>(embedding::vector(N)) &lt;=&gt; @Vector::vector(N)</c> with <c>company_id = X</c>, exactly the expression and
/// the predicate of the company's partial HNSW index, or the planner cannot use it; and with a parameter in place of X
/// a prepared statement's generic plan could not prove the predicate either.
/// </remarks>
internal static class KnowledgeSearchSql
{
    /// <summary>The nearest chunks through the company's HNSW index (at most ef_search of them).</summary>
    public const string IndexedNearest = """
        SELECT c.id, (c.embedding::vector({1})) <=> @Vector::vector({1}) AS distance
        FROM iat_chunks c
        WHERE c.company_id = {0}
        ORDER BY distance
        LIMIT @Candidates
        """;

    /// <summary>
    /// With a metadata filter. The HNSW index yields its ef_search nearest and only then does the filter apply, so a
    /// selective filter would starve the list. First the index, with the filter after it (<c>approximate</c>); when
    /// that yields fewer than @Candidates, the nearest are computed exactly among the company's chunks that match
    /// the filter (found through the GIN index on metadata), the uncast <c>c.embedding</c> keeping the planner away
    /// from the HNSW index. The exact branch sits under a one-time filter, so it runs only when needed: a broad filter
    /// costs an index scan, a narrow one a scan of the few chunks it matches.
    /// </summary>
    public const string FilteredNearest = """
        approximate AS MATERIALIZED (
            SELECT c.id, (c.embedding::vector({1})) <=> @Vector::vector({1}) AS distance
            FROM iat_chunks c
            WHERE c.company_id = {0}
              AND c.metadata @> @Filter::jsonb
            ORDER BY distance
            LIMIT @Candidates
        ),
        nearest AS (
            SELECT id, distance
            FROM approximate
            WHERE (SELECT count(*) FROM approximate) >= @Candidates
            UNION ALL
            SELECT id, distance
            FROM (
                SELECT c.id, c.embedding <=> @Vector::vector({1}) AS distance
                FROM iat_chunks c
                WHERE c.company_id = {0}
                  AND c.metadata @> @Filter::jsonb
                ORDER BY distance
                LIMIT @Candidates
            ) exact
            WHERE (SELECT count(*) FROM approximate) < @Candidates
        )
        """;

    /// <summary>{2} defines <c>nearest</c>: <see cref="IndexedNearest"/> as a CTE, or <see cref="FilteredNearest"/>.</summary>
    public const string Hybrid = """
        WITH {2},
        semantic AS (
            SELECT id, row_number() OVER (ORDER BY distance, id) AS rank
            FROM nearest
        ),
        lexical AS (
            SELECT id, row_number() OVER (ORDER BY score DESC, id) AS rank
            FROM (
                SELECT c.id, ts_rank_cd(c.tsv, q.query) AS score
                FROM iat_chunks c, websearch_to_tsquery(@Config::regconfig, @Text) AS q(query)
                WHERE c.company_id = {0}
                  AND c.tsv @@ q.query
                  AND (@Filter::jsonb IS NULL OR c.metadata @> @Filter::jsonb)
                ORDER BY score DESC, c.id
                LIMIT @Candidates
            ) best
        ),
        fused AS (
            SELECT id, sum(1.0::float8 / (60 + rank)) AS score
            FROM (SELECT id, rank FROM semantic UNION ALL SELECT id, rank FROM lexical) ranked
            GROUP BY id
        )
        SELECT c.id AS chunk_id, d.source, d.path, d.file_name, c.page, c.text, f.score, c.metadata::text AS metadata
        FROM fused f
        JOIN iat_chunks c ON c.id = f.id
        JOIN iat_documents d ON d.id = c.document_id
        WHERE c.company_id = {0}
          AND d.company_id = {0}
        ORDER BY f.score DESC, c.id
        LIMIT @Limit
        """;

    /// <summary>The search size of the HNSW scan, for this transaction only.</summary>
    public const string EfSearchSql = "SELECT set_config('hnsw.ef_search', @EfSearch, true)";

    private static readonly CompositeFormat s_unfiltered = CompositeFormat.Parse(Hybrid.Replace("{2}", "nearest AS (\n" + IndexedNearest + "\n)", StringComparison.Ordinal));

    private static readonly CompositeFormat s_filtered = CompositeFormat.Parse(Hybrid.Replace("{2}", FilteredNearest, StringComparison.Ordinal));

    public static string For(long companyId, int dimensions, bool filtered)
        => string.Format(CultureInfo.InvariantCulture, filtered ? s_filtered : s_unfiltered, companyId, dimensions);
}
