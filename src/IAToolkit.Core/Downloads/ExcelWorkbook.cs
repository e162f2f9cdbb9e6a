namespace IAToolkit.Downloads;

/// <summary>A generated .xlsx file: its safe file name, its sheet, its size in rows and columns, and its bytes.</summary>
/// <param name="FileName">The sanitized file name, ending in <c>.xlsx</c>.</param>
/// <param name="SheetName">The sanitized sheet name.</param>
/// <param name="RowCount">Data rows, without the header.</param>
/// <param name="ColumnCount">Columns: the distinct keys of the rows.</param>
/// <param name="Content">The file.</param>
internal sealed record ExcelWorkbook(string FileName, string SheetName, int RowCount, int ColumnCount, ReadOnlyMemory<byte> Content)
{
    /// <summary>The media type of an .xlsx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
