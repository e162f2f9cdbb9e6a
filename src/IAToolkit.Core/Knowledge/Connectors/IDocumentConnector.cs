using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// The files of one document source of a company (<c>knowledge_base.document_sources.&lt;name&gt;</c>), wherever they
/// are kept: a local folder or an S3 (or S3-compatible) bucket. Failures of the store are raised as
/// <see cref="IAToolkitException"/> with code <see cref="ErrorCodes.KnowledgeSourceUnavailable"/>.
/// </summary>
internal interface IDocumentConnector
{
    /// <summary>The source for messages, e.g. <c>local folder companies/acme/docs</c> or <c>s3://acme-kb/acme/docs/</c>.</summary>
    string Describe();

    /// <summary>Every file under the source, recursively, sorted by <see cref="SourceFile.Path"/> (ordinal).</summary>
    IAsyncEnumerable<SourceFile> ListAsync(CancellationToken cancellationToken);

    /// <summary>Opens a listed file for reading; the caller disposes the stream.</summary>
    Task<Stream> OpenAsync(SourceFile file, CancellationToken cancellationToken);

    /// <summary>
    /// Adds or replaces one file. <paramref name="path"/> is relative to the source's root, with <c>/</c> separators;
    /// absolute paths, <c>..</c> and names that start with a dot are refused (<see cref="ErrorCodes.InvalidRequest"/>).
    /// The stream is read to its end and not disposed.
    /// </summary>
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken);
}
