namespace IAToolkit.Knowledge;

/// <summary>Limits on what the knowledge base reads from a document (section <c>IAToolkit:Knowledge:Parsing</c>).</summary>
public sealed class DocumentParsingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge:Parsing";

    /// <summary>
    /// The most rows read from one spreadsheet sheet (5,000 by default); the rest are left out and the sheet's text
    /// ends with a note saying so.
    /// </summary>
    public int MaxSheetRows { get; set; } = 5000;
}
