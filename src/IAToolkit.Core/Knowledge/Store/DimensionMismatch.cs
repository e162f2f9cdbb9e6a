using System.Globalization;
using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using Npgsql;

namespace IAToolkit.Knowledge.Store;

/// <summary>The error of a company whose embedding model changed dimension after its documents were loaded.</summary>
internal static class DimensionMismatch
{
    /// <summary>
    /// pgvector's refusals to mix dimensions: the cast <c>embedding::vector(N)</c> of a chunk of another dimension
    /// ("expected 384 dimensions, not 1536") and an operator on two ("different vector dimensions 384 and 1536").
    /// </summary>
    public static bool Matches(PostgresException exception)
        => exception.SqlState == PostgresErrorCodes.DataException
           && (exception.MessageText.StartsWith("expected ", StringComparison.Ordinal) || exception.MessageText.StartsWith("different vector dimensions", StringComparison.Ordinal))
           && exception.MessageText.Contains("dimensions", StringComparison.Ordinal);

    public static IAToolkitException Changed(Company company, int storedDimensions, long chunks, int dimensions) => new(
        ErrorCodes.KnowledgeDimensionsChanged,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The knowledge base of company '{company.ShortName}' holds {chunks:N0} chunks of {storedDimensions}-dimension embeddings, and its embedding model now gives {dimensions} dimensions. Embeddings of two models cannot be searched together: remove the company's documents and load them again."));

    public static IAToolkitException ToException(Company company, int dimensions, PostgresException exception) => new(
        ErrorCodes.KnowledgeDimensionsChanged,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The knowledge base of company '{company.ShortName}' holds embeddings of another dimension than the {dimensions} given ({exception.MessageText}): its embedding model changed since its documents were loaded. Remove the company's documents and load them again."),
        exception);
}
