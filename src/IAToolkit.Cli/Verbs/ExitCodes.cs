namespace IAToolkit.Cli.Verbs;

/// <summary>What a verb's exit code means.</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The verb ran and found a problem (invalid configuration, unreachable database, ...); the message says which.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
