using Microsoft.Extensions.Options;

namespace IAToolkit.Cli;

/// <summary>Turns the errors a user can fix into plain messages, without stack traces.</summary>
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
}
