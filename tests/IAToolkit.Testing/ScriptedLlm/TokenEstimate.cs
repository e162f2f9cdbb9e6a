namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>The server's stand-in for a tokenizer: four characters a token, rounded up, so counts are predictable.</summary>
internal static class TokenEstimate
{
    public static int FromCharacters(int characters) => (characters + 3) / 4;
}
