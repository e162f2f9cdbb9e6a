namespace IAToolkit.Downloads;

/// <summary>Limits of the spreadsheets the assistant generates (section <c>IAToolkit:Excel</c>).</summary>
internal sealed class ExcelOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Excel";

    /// <summary>The most data rows one spreadsheet may have, besides its header (default 100,000; Excel's own limit is 1,048,575).</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The largest .xlsx file, in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
