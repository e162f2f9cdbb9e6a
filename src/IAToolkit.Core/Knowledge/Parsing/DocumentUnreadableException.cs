using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A document the knowledge base cannot take text from: an unsupported type, an empty file, a corrupt or encrypted
/// file, or a PDF without a text layer. The message names the file and the reason.
/// </summary>
public sealed class DocumentUnreadableException : IAToolkitException
{
    /// <summary>Creates the exception for a file and the reason it cannot be read.</summary>
    public DocumentUnreadableException(string fileName, string reason, Exception? innerException = null)
        : base(ErrorCodes.DocumentUnreadable, $"Cannot read '{fileName}': {Tidy(reason)}.", innerException)
    {
        FileName = fileName;
        Reason = Tidy(reason);
    }

    /// <summary>The file that could not be read.</summary>
    public string FileName { get; }

    /// <summary>Why it could not be read, e.g. <c>no text layer (scanned?)</c>.</summary>
    public string Reason { get; }

    // Library messages end with a period of their own; the message adds one.
    private static string Tidy(string reason) => reason.Trim().TrimEnd('.');
}
