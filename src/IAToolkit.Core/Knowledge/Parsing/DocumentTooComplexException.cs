using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A document that passes a reading budget (<see cref="DocumentParsingOptions"/>): too many bytes once expanded, too
/// many characters, cells, pages or objects, nesting too deep, or too slow to read. The message names the file and the
/// setting that holds the budget.
/// </summary>
public sealed class DocumentTooComplexException : IAToolkitException
{
    /// <summary>Creates the exception for a file and the budget it passes.</summary>
    public DocumentTooComplexException(string fileName, string reason, Exception? innerException = null)
        : base(ErrorCodes.DocumentTooComplex, $"Cannot read '{fileName}': {reason}.", innerException)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>The file that was refused.</summary>
    public string FileName { get; }

    /// <summary>The budget it passes, e.g. <c>it expands to more than 20 MB in one part (IAToolkit:Knowledge:Parsing:MaxPartBytes)</c>.</summary>
    public string Reason { get; }
}
