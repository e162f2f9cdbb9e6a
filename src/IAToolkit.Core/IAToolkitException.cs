namespace IAToolkit;

/// <summary>
/// An error with a stable code (see <see cref="ErrorCodes"/>). The web layer maps the code to a
/// ProblemDetails response once; the CLI prints the message and exits non-zero.
/// </summary>
public class IAToolkitException : Exception
{
    /// <summary>Creates an exception with a code and a message meant for the caller.</summary>
    public IAToolkitException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The stable, snake_case error code, e.g. <c>company_not_found</c>.</summary>
    public string Code { get; }
}
