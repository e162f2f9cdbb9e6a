namespace IAToolkit.ApiKeys;

/// <summary>A key just created: the only place its plaintext ever exists.</summary>
/// <param name="Id">The key's row id.</param>
/// <param name="Key">The key itself, to hand to the operator once; it is not stored.</param>
/// <param name="Prefix">The first characters of the key, as listings show them.</param>
/// <param name="Name">The key's name.</param>
internal sealed record ApiKeyCreated(long Id, string Key, string Prefix, string Name)
{
    /// <summary>Names the key without its secret, so that logging or formatting the result cannot leak it.</summary>
    public override string ToString() => $"API key {Id} ({Prefix}, '{Name}')";
}
