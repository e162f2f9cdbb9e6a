using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>Refuses a document the store would store wrongly or PostgreSQL would refuse with a less useful message.</summary>
internal static class DocumentCheck
{
    private const int Sha256Length = 32;

    public static void Validate(DocumentToStore document, int dimensions)
    {
        EmbeddingCheck.Dimensions(dimensions);
        Require(!string.IsNullOrWhiteSpace(document.Source), "A document needs its source.");
        Require(!string.IsNullOrWhiteSpace(document.Path), "A document needs its path.");
        Require(!string.IsNullOrWhiteSpace(document.FileName), $"The document {document.Path} needs its file name.");
        Require(document.ContentHash is { Length: Sha256Length }, $"The content hash of {document.Path} must be a SHA-256 (32 bytes).");
        Require(document.Pages >= 0, $"The page count of {document.Path} cannot be negative.");
        Require(document.Chunks is not null, $"The document {document.Path} needs its list of chunks (empty when it has no text).");

        var indexes = new HashSet<int>();
        foreach (var chunk in document.Chunks!)
        {
            Require(chunk is not null, $"The document {document.Path} has a null chunk.");
            var what = string.Create(CultureInfo.InvariantCulture, $"chunk {chunk!.Index} of {document.Path}");
            Require(chunk.Index >= 0 && indexes.Add(chunk.Index), $"The {what} has a negative or repeated index.");
            Require(chunk.Page >= 0, $"The {what} has a negative page.");
            Require(chunk.Text is not null, $"The {what} has no text.");
            EmbeddingCheck.Vector(chunk.Embedding, dimensions, what);
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, message);
        }
    }
}
