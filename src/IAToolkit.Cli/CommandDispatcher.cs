using System.CommandLine;
using IAToolkit.Cli.Verbs;
using IAToolkit.Companies;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli;

/// <summary>
/// Decides whether the arguments name a verb and runs it against the host's configuration and services.
/// Framework verbs come first; each company may add its own, which run after the companies are loaded.
/// </summary>
internal sealed class CommandDispatcher
{
    private static readonly string[] s_helpTokens = ["--help", "-h", "-?", "/?", "--version"];
    private readonly IServiceProvider _services;
    private readonly Lazy<RootCommand> _root;

    public CommandDispatcher(IServiceProvider services)
    {
        _services = services;
        _root = new Lazy<RootCommand>(BuildRoot);
    }

    /// <summary>Whether <paramref name="args"/> ask for a verb (or help) rather than the web server.</summary>
    public static bool IsCommand(string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        // "--urls x" and "urls=x" are host settings; any bare word names a verb (an unknown one is a usage error,
        // never a silently started web server).
        var first = args[0];
        return s_helpTokens.Contains(first, StringComparer.Ordinal)
            || (!first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal));
    }

    public async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration, CancellationToken cancellationToken)
    {
        configuration ??= new InvocationConfiguration();

        // Errors a user can fix are printed as one plain line below, never as a stack trace.
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            var parse = _root.Value.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
            {
                foreach (var error in parse.Errors)
                {
                    await configuration.Error.WriteLineAsync("error: " + error.Message);
                }

                await configuration.Error.WriteLineAsync("Run with --help to see the verbs and their options.");
                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex) when (CliErrors.IsUserError(ex))
        {
            await configuration.Error.WriteLineAsync("error: " + CliErrors.Describe(ex));
            return CliErrors.ExitCode(ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await configuration.Error.WriteLineAsync("error: canceled.");
            return ExitCodes.Canceled;
        }
        catch (Exception ex)
        {
            // A bug, not a user's mistake: the whole exception is what a report needs, and the exit code stays one a
            // script knows rather than the runtime's crash code.
            await configuration.Error.WriteLineAsync($"error: an unexpected error occurred ({ErrorCodes.InternalError}): {ex}");
            return ErrorCatalog.For(ErrorCodes.InternalError).ExitCode;
        }
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "IAToolkit host. Without a verb it serves the web application; with one it runs the verb and exits. Results go to "
            + "stdout (--json: one JSON document), logs and errors to stderr. Exit codes: 0 success, 1 failure (the message says "
            + "which), 2 a wrong command line, 3 something named does not exist, 4 a service is unavailable (retry later).");
        Verb[] verbs = [new MigrateVerb(_services), new CheckConfigVerb(_services), new ApiKeyVerb(_services), new StatsVerb(_services), new LoadVerb(_services)];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.Build());
        }

        var folders = _services.GetRequiredService<CompanyFolderLocator>();
        foreach (var registration in _services.GetRequiredService<CompanyRegistry>().Registrations)
        {
            var context = new CompanyRequestContext(registration.ShortName, folders.Locate(registration.ShortName).Path, _services, userIdentifier: null);
            foreach (var command in registration.Implementation.GetCommands(context))
            {
                if (root.Subcommands.Any(c => c.Name == command.Name))
                {
                    throw new InvalidOperationException($"Company '{registration.ShortName}' contributes the verb '{command.Name}', which another verb already uses.");
                }

                CompanyCommandAction.WrapAll(command, _services);
                root.Subcommands.Add(command);
            }
        }

        return root;
    }
}
