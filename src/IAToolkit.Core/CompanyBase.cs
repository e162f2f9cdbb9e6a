using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>
/// Base class for a company, with no-op defaults for everything optional. The framework creates one
/// instance per registration with the parameterless constructor; services reach the company through
/// the <see cref="CompanyRequestContext"/> of each call.
/// </summary>
public abstract class CompanyBase : ICompany
{
    private string? _shortName;
    private string? _folder;

    /// <inheritdoc />
    public string ShortName => _shortName ?? throw new InvalidOperationException($"{GetType().Name} has not been registered; call RegisterCompany<{GetType().Name}>(\"short_name\").");

    /// <inheritdoc />
    public string Folder => _folder ?? throw new InvalidOperationException($"The folder of {GetType().Name} is known once the host has loaded its companies.");

    /// <summary>Returns an empty profile: override to look the user up in the company's systems.</summary>
    public virtual Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new CompanyUserInfo { UserIdentifier = userIdentifier });

    /// <summary>Refuses every tool: override to implement the tools declared in company.yaml.</summary>
    public virtual Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken)
        => throw new IAToolkitException(ErrorCodes.ToolNotSupported, $"Company '{ShortName}' does not implement the tool '{toolName}'.");

    /// <summary>Adds nothing: override to register the company's own services.</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Contributes no verbs: override to add the company's own command-line verbs.</summary>
    public virtual IEnumerable<Command> GetCommands(IServiceProvider services) => [];

    internal void AttachName(string shortName) => _shortName = shortName;

    internal void AttachFolder(string folder) => _folder = folder;
}
