using Microsoft.Extensions.Options;

namespace IAToolkit.Cli;

/// <summary>Turns the errors a user can fix into plain messages, without stack traces, and into exit codes.</summary>
internal static class CliErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(Environment.NewLine + "error: ", options.Failures),
        AggregateException aggregate => string.Join(Environment.NewLine + "error: ", aggregate.InnerExceptions.Select(Describe)),
        _ => exception.Message,
    };

    public static bool IsUserError(Exception exception) => exception switch
    {
        IAToolkitException or OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUserError),
        _ => false,
    };

    /// <summary>
    /// The exit code of a failed verb: an error code's, as <see cref="ErrorCatalog"/> maps it; a missing or invalid
    /// setting is a plain failure; several errors share a code only when all of them map to it.
    /// </summary>
    public static int ExitCode(Exception exception) => exception switch
    {
        IAToolkitException e => ErrorCatalog.For(e.Code).ExitCode,
        AggregateException aggregate when aggregate.InnerExceptions.Select(ExitCode).Distinct().ToList() is [var only] => only,
        _ => ExitCodes.Failure,
    };
}
