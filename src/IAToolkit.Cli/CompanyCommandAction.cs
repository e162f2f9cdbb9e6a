using System.CommandLine;
using System.CommandLine.Invocation;
using IAToolkit.Hosting;

namespace IAToolkit.Cli;

/// <summary>Runs a company verb's own action after the companies are loaded, so the verb can use them.</summary>
internal sealed class CompanyCommandAction : AsynchronousCommandLineAction
{
    private readonly CommandLineAction _inner;
    private readonly IAToolkitStartup _startup;

    private CompanyCommandAction(CommandLineAction inner, IAToolkitStartup startup)
    {
        _inner = inner;
        _startup = startup;
    }

    public static void WrapAll(Command command, IAToolkitStartup startup)
    {
        if (command.Action is { } action and not CompanyCommandAction)
        {
            command.Action = new CompanyCommandAction(action, startup);
        }

        foreach (var sub in command.Subcommands)
        {
            WrapAll(sub, startup);
        }
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        await _startup.EnsureStartedAsync(cancellationToken);
        return _inner switch
        {
            AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken),
            SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
            _ => throw new InvalidOperationException($"Unsupported action type {_inner.GetType().Name}."),
        };
    }
}
