using System.CommandLine;
using System.CommandLine.Invocation;
using IAToolkit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli;

/// <summary>Runs a company verb's own action after the companies are loaded, so the verb can use them.</summary>
internal sealed class CompanyCommandAction : AsynchronousCommandLineAction
{
    private readonly CommandLineAction _inner;
    private readonly IServiceProvider _services;

    private CompanyCommandAction(CommandLineAction inner, IServiceProvider services)
    {
        _inner = inner;
        _services = services;
    }

    public static void WrapAll(Command command, IServiceProvider services)
    {
        if (command.Action is { } action and not CompanyCommandAction)
        {
            command.Action = new CompanyCommandAction(action, services);
        }

        foreach (var sub in command.Subcommands)
        {
            WrapAll(sub, services);
        }
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        // Resolved here, not when the command tree is built: other verbs must not need the database settings.
        await _services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(cancellationToken);
        return _inner switch
        {
            AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken),
            SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
            _ => throw new InvalidOperationException($"Unsupported action type {_inner.GetType().Name}."),
        };
    }
}
