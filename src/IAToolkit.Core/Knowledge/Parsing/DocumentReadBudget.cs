using System.Globalization;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// What one document may still cost while a <see cref="DocumentReader"/> reads it (the limits of
/// <see cref="DocumentParsingOptions"/>): charge each page and the characters of text as they are read. A charge over
/// a limit, or past the reading's deadline, throws <see cref="DocumentTooComplexException"/>; let it propagate (a
/// refusal that is caught is thrown again when the reader returns).
/// </summary>
public sealed class DocumentReadBudget
{
    private readonly ParseBudget _budget;
    private long _characters;
    private int _pages;

    internal DocumentReadBudget(ParseBudget budget) => _budget = budget;

    /// <summary>The file being read.</summary>
    public string FileName => _budget.FileName;

    internal ParseBudget Inner => _budget;


    /// <summary>Charges one page; past <see cref="DocumentParsingOptions.MaxPdfPages"/> pages the document is refused.</summary>
    /// <exception cref="DocumentTooComplexException">The document has too many pages, or its time is up.</exception>
    public void ChargePage() => ChargePages(1);

    /// <summary>Charges characters of extracted text; past <see cref="DocumentParsingOptions.MaxCharacters"/> the document is refused.</summary>
    /// <exception cref="DocumentTooComplexException">The document's text is too long, or its time is up.</exception>
    public void ChargeCharacters(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _characters += count;
        Refusing(() => _budget.Characters(count));
    }

    /// <summary>Stops the reading when its time is up or the caller gave up; call it in long loops that charge nothing.</summary>
    /// <exception cref="DocumentTooComplexException">The reading's time is up.</exception>
    /// <exception cref="OperationCanceledException">The caller gave up.</exception>
    public void Check() => _budget.Check();

    /// <summary>Charges what the reader returned beyond what it charged while reading.</summary>
    internal void Settle(IReadOnlyList<ParsedPage> pages)
    {
        if (pages.Count > _pages)
        {
            ChargePages(pages.Count - _pages);
        }

        var characters = pages.Sum(p => (long)(p.Text?.Length ?? 0));
        if (characters > _characters)
        {
            ChargeCharacters(characters - _characters);
        }
    }

    private void ChargePages(int count)
    {
        _pages += count;
        var max = _budget.Options.MaxPdfPages;
        if (_pages > max)
        {
            throw _budget.Record(_budget.TooComplex($"it has more than the {max.ToString("N0", CultureInfo.InvariantCulture)} pages a document may have", nameof(DocumentParsingOptions.MaxPdfPages)));
        }

        _budget.Check();
    }

    // A refusal is remembered, so that a reader that catches it is refused when it returns.
    private void Refusing(Action charge)
    {
        try
        {
            charge();
        }
        catch (DocumentTooComplexException refusal)
        {
            throw _budget.Record(refusal);
        }
    }
}
