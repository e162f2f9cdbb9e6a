using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Renders one worksheet as a Markdown-like table: the sheet name as a heading, the first row with values as the
/// header, then one line per row (<c>a | b | c</c>). Rows are streamed one at a time; empty rows, empty leading and
/// trailing columns and a row's empty trailing cells are left out. Every cell read (empty ones too) is charged to the
/// document's cell budget and every row written to its character budget, so a sheet of millions of empty cells, or of
/// a few cells millions of columns apart, is refused while it is read.
/// </summary>
internal static class XlsxSheetReader
{
    // The last column a worksheet can have (XFD); a reference past it is not a column.
    private const int MaxColumn = 16_384;

    /// <summary>The sheet's text (empty when it has no values), and whether rows past the budget's row limit were left out.</summary>
    public static (string Text, bool Truncated) Read(string name, WorksheetPart part, XlsxCellText cells, ParseBudget budget)
    {
        var maxRows = budget.Options.MaxSheetRows;
        var rows = new List<List<(int Column, string Text)>>();
        var truncated = false;
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (!reader.IsStartElement || reader.ElementType != typeof(Row))
                {
                    continue;
                }

                budget.Check();
                var row = Values((Row)reader.LoadCurrentElement()!, cells, budget);
                if (row.Count == 0)
                {
                    continue;
                }

                if (rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }

                rows.Add(row);
            }
        }

        return (rows.Count == 0 ? string.Empty : Render(name, rows, truncated, maxRows, budget), truncated);
    }

    private static List<(int Column, string Text)> Values(Row row, XlsxCellText cells, ParseBudget budget)
    {
        var values = new List<(int, string)>();
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            budget.Cells(1);
            column = ColumnOf(cell.CellReference?.Value) ?? column + 1;
            var text = cells.Of(cell);
            if (text.Length > 0)
            {
                values.Add((column, text));
            }
        }

        // Writers put cells in column order; a file that does not must not scramble the row.
        values.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return values;
    }

    /// <summary>The 1-based column of an A1 reference (<c>C7</c> is 3), or null when there is none.</summary>
    public static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z' and < 'a' or > 'z')
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumn)
            {
                // Past XFD: not a reference Excel writes; also keeps the arithmetic from overflowing.
                return null;
            }
        }

        return column == 0 ? null : column;
    }

    private static string Render(string name, List<List<(int Column, string Text)>> rows, bool truncated, int maxRows, ParseBudget budget)
    {
        var first = rows.Min(r => r[0].Column);
        var last = rows.Max(r => r[^1].Column);
        var text = new StringBuilder("# ").Append(name).Append("\n\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var before = text.Length;
            AppendRow(text, rows[i], first);
            if (i == 0)
            {
                text.Append('\n').AppendJoin(" | ", Enumerable.Repeat("---", last - first + 1));
            }

            text.Append('\n');
            budget.Characters(text.Length - before);
        }

        if (truncated)
        {
            text.Append("\n(Only the first ").Append(maxRows).Append(" rows of this sheet were read.)\n");
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendRow(StringBuilder text, List<(int Column, string Text)> row, int first)
    {
        var column = first;
        foreach (var (at, value) in row)
        {
            for (; column < at; column++)
            {
                text.Append(column == first ? string.Empty : " | ");
            }

            text.Append(column == first ? string.Empty : " | ").Append(value);
            column++;
        }
    }
}
