using System.Globalization;
using System.Text.RegularExpressions;

namespace IAToolkit.Assistant;

/// <summary>
/// Which of the passages the document search returned an answer actually used. The search tool tells the model to cite
/// "(document, p. N)"; a document counts as used when the answer names it (its file name, or that name without the
/// extension and with <c>_</c>/<c>-</c> read as spaces), and its pages are those the answer mentions. Passages that
/// were retrieved but not named are not citations: the user sees only what the answer rests on.
/// </summary>
internal static partial class Citations
{
    /// <summary>At most this many citations under one answer.</summary>
    public const int Max = 20;

    public static IReadOnlyList<Citation> Select(string answer, IReadOnlyList<Citation> retrieved)
    {
        if (retrieved.Count == 0 || answer.Length == 0)
        {
            return [];
        }

        var normalizedAnswer = Normalize(answer);
        var pagesNamed = new HashSet<int>();
        foreach (Match match in PageReference().Matches(answer))
        {
            if (int.TryParse(match.Groups["page"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                pagesNamed.Add(page);
            }
        }

        var cited = new List<Citation>();
        foreach (var document in retrieved.Select(r => r.Document).Distinct(StringComparer.Ordinal))
        {
            if (!Names(answer, normalizedAnswer, document))
            {
                continue;
            }

            var pages = retrieved.Where(r => r.Document == document && r.Page is not null).Select(r => r.Page!.Value).Distinct().ToList();
            var named = pages.Where(pagesNamed.Contains).Order().ToList();
            if (named.Count > 0)
            {
                cited.AddRange(named.Select(p => new Citation(document, p)));
            }
            else
            {
                // Named without a page: the page is certain only when the search returned one page of it.
                cited.Add(new Citation(document, pages.Count == 1 ? pages[0] : null));
            }

            if (cited.Count >= Max)
            {
                break;
            }
        }

        return cited.Count > Max ? cited[..Max] : cited;
    }

    private static bool Names(string answer, string normalizedAnswer, string document)
    {
        if (answer.Contains(document, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var stem = Normalize(Path.GetFileNameWithoutExtension(document));
        // A stem of one or two letters would match words at random.
        return stem.Length >= 3 && normalizedAnswer.Contains(stem, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string text) => Separators().Replace(text, " ");

    [GeneratedRegex(@"[_\-\s]+")]
    private static partial Regex Separators();

    // "p. 3", "p.3", "pp. 3", "page 3", "pág. 3", "página 3", "pag 3" (English and Spanish answers).
    [GeneratedRegex(@"\b(?:pp?|pages?|p[aá]g(?:ina)?s?)\.?\s*(?<page>\d{1,5})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageReference();
}
