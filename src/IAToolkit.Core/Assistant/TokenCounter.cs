using Microsoft.ML.Tokenizers;

namespace IAToolkit.Assistant;

/// <summary>Counts tokens the way current OpenAI models do (o200k_base), to keep history within its budget.</summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : s_tokenizer.Value.CountTokens(text);
}
