namespace IAToolkit;

/// <summary>
/// What the process exit code of a command-line verb means. Few on purpose: a script branches on the class of the
/// outcome (fix the command, fix the setting, retry later), and the message on stderr says the rest.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The verb ran and found a problem, or cannot run until an operator fixes something: invalid configuration, a
    /// missing setting, a database behind the code, a file that could not be loaded, an input that was refused.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Something the command names does not exist: a company, an API key, a document source.</summary>
    public const int NotFound = 3;

    /// <summary>
    /// A service the verb needs (the database, the LLM or embedding provider, the mail server, a document store) could
    /// not be reached, failed or is busy; the same command may succeed later.
    /// </summary>
    public const int Unavailable = 4;

    /// <summary>The work was canceled before it ended, as a shell reports an interrupted command (128 + SIGINT).</summary>
    public const int Canceled = 130;
}
