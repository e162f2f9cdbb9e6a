using System.Text;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>
/// A company's own format, written with the public SDK only: a <c>.memo</c> is UTF-8 text whose pages are separated
/// by form feeds. A memo whose first line names a misbehavior (a hostile or buggy reader) acts it out.
/// </summary>
public sealed class MemoReader : DocumentReader
{
    public override string Format => "memo";

    public override IReadOnlyList<string> Extensions { get; } = [".memo"];

    public override IReadOnlyList<ParsedPage> Read(string fileName, Stream content, DocumentReadBudget budget)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var pages = text.Split('\f');
        switch (pages[0].Split('\n')[0].Trim())
        {
            case "GREEDY":
                // Charges as it should, and keeps going past the limit.
                while (true)
                {
                    budget.ChargeCharacters(1000);
                }

            case "SILENT":
                // Never charges, and returns more text than a document may have.
                return [new ParsedPage(1, new string('x', 5_000))];

            case "SWALLOW":
                try
                {
                    budget.ChargeCharacters(long.MaxValue / 2);
                }
                catch (Exception)
                {
                    // A hostile reader pretends the refusal did not happen.
                }

                return [new ParsedPage(1, "fine")];

            case "SPIN":
                while (true)
                {
                    budget.Check();
                }

            case "CRASH":
                throw new InvalidOperationException("the memo's header is broken");
        }

        var result = new List<ParsedPage>(pages.Length);
        foreach (var page in pages)
        {
            budget.ChargePage();
            budget.ChargeCharacters(page.Length);
            result.Add(new ParsedPage(result.Count + 1, page.Trim()));
        }

        return result;
    }
}
