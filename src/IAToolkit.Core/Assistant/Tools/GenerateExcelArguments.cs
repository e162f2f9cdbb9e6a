using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace IAToolkit.Assistant.Tools;

/// <summary>The arguments of <c>iat_generate_excel</c>.</summary>
/// <param name="Data">The rows.</param>
/// <param name="Filename">The file's name; required in the schema so the model names it, but a safe default when it does not.</param>
/// <param name="SheetName">The sheet's name; <c>Sheet1</c> by default.</param>
internal sealed record GenerateExcelArguments(
    [property: Description("The rows: one object per row, keys are the columns."), MinLength(1)] IReadOnlyList<JsonObject> Data,
    [property: Description("File name ending in .xlsx."), Required] string? Filename = null,
    string? SheetName = null);
