namespace IAToolkit;

/// <summary>How one error code surfaces: the HTTP status of its ProblemDetails and the exit code of a verb.</summary>
/// <param name="HttpStatus">The HTTP status code.</param>
/// <param name="ExitCode">The process exit code, one of <see cref="ExitCodes"/>.</param>
internal readonly record struct ErrorMapping(int HttpStatus, int ExitCode);
