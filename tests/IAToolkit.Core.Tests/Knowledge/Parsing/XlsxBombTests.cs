using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.Documents;
using static IAToolkit.Core.Tests.Knowledge.Parsing.BudgetProbe;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>XLSX bombs: huge shared string tables, sheets of millions of cells, huge cells, cells far apart.</summary>
[Category("Security")]
public sealed class XlsxBombTests
{
    [Test]
    public void Parse_SharedStringsPastTheCharacterBudget_IsRefusedWhileTheTableIsRead()
    {
        var bomb = BombPackage.Xlsx(Cell("A1", "<v>0</v>", "s"), BombPackage.Repeat("<si><t>a shared string, one of many</t></si>", 400_000));

        var (error, _, elapsed) = Refused(Parser(), "strings.xlsx", bomb, "MaxCharacters");

        Assert.That(error.Reason, Does.Contain("shared strings"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
    }

    [Test]
    public void Parse_SharedStringsPartPastThePartBudget_IsRefusedBeforeItIsRead()
    {
        var bomb = BombPackage.Xlsx(Cell("A1", "<v>0</v>", "s"), BombPackage.Repeat("<si><t>x</t></si>", 2_000_000));

        var (error, allocated, _) = Refused(Parser(), "strings.xlsx", bomb, "MaxPartBytes");

        Assert.That(error.Reason, Does.Contain("xl/sharedStrings.xml"));
        Assert.That(allocated, Is.LessThan(10 * Megabyte));
    }

    [Test]
    public void Parse_MillionsOfEmptyCellsBehindAHugeDimension_IsRefusedByTheCellBudget()
    {
        // Styled empty cells, as a sheet whose formatting was dragged to XFD1048576 has.
        var rows = (Action<TextWriter>)(w =>
        {
            for (var row = 1; row <= 400; row++)
            {
                w.Write($"<row r=\"{row}\">");
                for (var column = 0; column < 1000; column++)
                {
                    w.Write("<c s=\"1\"/>");
                }

                w.Write("</row>");
            }
        });
        var bomb = BombPackage.Xlsx(rows, dimension: "A1:XFD1048576");

        var (error, _, elapsed) = Refused(Parser(new DocumentParsingOptions { MaxCells = 100_000 }), "empty.xlsx", bomb, "MaxCells");

        Assert.That(error.Reason, Does.Contain("100,000 cells"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_OneHugeCell_IsRefusedByTheCharacterBudget()
    {
        var bomb = BombPackage.Xlsx(w =>
        {
            w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
            BombPackage.Repeat("0123456789", 300_000)(w);
            w.Write("</t></is></c></row>");
        });

        Refused(Parser(), "cell.xlsx", bomb, "MaxCharacters");
    }

    [Test]
    public void Parse_CellsSixteenThousandColumnsApart_IsRefusedInsteadOfPaddingEveryRow()
    {
        // Each row would render as 16,384 columns of separators: 5,000 rows of it are 245 million characters.
        var bomb = BombPackage.Xlsx(w =>
        {
            for (var row = 1; row <= 5000; row++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"XFD{row}\" t=\"inlineStr\"><is><t>b</t></is></c></row>"));
            }
        });

        var (_, allocated, elapsed) = Refused(Parser(), "wide.xlsx", bomb, "MaxCharacters");

        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(allocated, Is.LessThan(200 * Megabyte), "stopped near the 2 million character budget, far from 245 million");
    }

    [Test]
    public void Parse_ReferencePastTheLastColumn_IsReadAsTheNextColumnWithoutOverflow()
    {
        var xlsx = BombPackage.Xlsx(w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>first</t></is></c><c r=\"ZZZZZZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>second</t></is></c></row>"));

        var document = Parse("odd.xlsx", xlsx);

        Assert.That(document.Pages[0].Text, Does.Contain("first | second"));
    }

    private static Action<TextWriter> Cell(string reference, string value, string type)
        => w => w.Write($"<row r=\"1\"><c r=\"{reference}\" t=\"{type}\">{value}</c></row>");
}
