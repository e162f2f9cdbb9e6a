using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Knowledge.Chunking;

/// <summary>Chunkers with given limits, and prose that is the same on every run (a seeded generator).</summary>
internal static class ChunkerTestText
{
    private static readonly string[] s_words =
    [
        "the", "policy", "employees", "vacation", "days", "request", "manager", "approval", "company", "benefits",
        "insurance", "reimbursement", "travel", "expenses", "receipts", "within", "month", "annual", "review", "salary",
        "contract", "office", "remote", "work", "schedule", "holidays", "training", "budget", "department", "report",
        "información", "año", "según", "solicitud", "aprobación", "días", "política", "empresa", "gerente", "beneficios",
    ];

    public static DocumentChunker Chunker(int maxTokens = 400, int overlapTokens = 60)
        => new(Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlapTokens }));

    /// <summary>Paragraphs of sentences of 6–20 words, separated by blank lines.</summary>
    public static string Prose(int seed, int paragraphs, int sentencesPerParagraph = 6)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            text.Append(p == 0 ? string.Empty : "\n\n");
            for (var s = 0; s < sentencesPerParagraph; s++)
            {
                var count = random.Next(6, 21);
                var sentence = string.Join(' ', Enumerable.Range(0, count).Select(_ => s_words[random.Next(s_words.Length)]));
                text.Append(s == 0 ? string.Empty : " ").Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append('.');
            }
        }

        return text.ToString();
    }

    public static ParsedDocument Document(params string[] pages)
        => new("test.pdf", "pdf", pages.Select((text, i) => new ParsedPage(i + 1, text)).ToList());
}
