using System.CommandLine;
using IAToolkit.Cli.Verbs;
using IAToolkit.Companies;
using IAToolkit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    public bool IsCommand(string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        var first = args[0];
        return s_helpTokens.Contains(first, StringComparer.Ordinal)
            || _root.Value.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first));
    }

    public async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration, CancellationToken cancellationToken)
    {
        configuration ??= new InvocationConfiguration();
        try
        {
            return await _root.Value.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex) when (ex is IAToolkitException or OptionsValidationException)
        {
            await configuration.Error.WriteLineAsync("error: " + CliErrors.Describe(ex));
            return ExitCodes.Failure;
        }
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand("IAToolkit host. Without a verb it serves the web application; with one it runs the verb and exits.");
        Verb[] verbs = [new MigrateVerb(_services), new CheckConfigVerb(_services)];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.Build());
        }

        var startup = _services.GetRequiredService<IAToolkitStartup>();
        foreach (var registration in _services.GetRequiredService<CompanyRegistry>().Registrations)
        {
            foreach (var command in registration.Implementation.GetCommands(_services))
            {
                if (root.Subcommands.Any(c => c.Name == command.Name))
                {
                    throw new InvalidOperationException($"Company '{registration.ShortName}' contributes the verb '{command.Name}', which another verb already uses.");
                }

                CompanyCommandAction.WrapAll(command, startup);
                root.Subcommands.Add(command);
            }
        }

        return root;
    }
}
