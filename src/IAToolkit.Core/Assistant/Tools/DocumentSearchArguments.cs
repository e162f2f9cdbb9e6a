using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IAToolkit.Assistant.Tools;

/// <summary>The arguments of <c>iat_document_search</c>.</summary>
/// <param name="Query">The words to look for.</param>
/// <param name="Type">Only documents whose source declares this <c>type</c> (offered when the company's sources declare any).</param>
/// <param name="Limit">How many passages; 6 when not given.</param>
/// <param name="Collection">Only documents of this collection (offered when the company has <c>knowledge_base.collections</c>).</param>
internal sealed record DocumentSearchArguments(
    [property: Description("What to look for, in the documents' words.")] string Query,
    [property: Description("Only documents of this type.")] string? Type = null,
    [property: Description("Only documents of this collection.")] string? Collection = null,
    [property: Range(1, DocumentSearchTool.MaxLimit)] int? Limit = null);
