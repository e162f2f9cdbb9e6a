using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>
/// The convenient base class of a company: no-op defaults for everything optional of <see cref="ICompany"/>, so a
/// company overrides only what it has (its users' profiles, its tools, its services, its verbs).
/// </summary>
public abstract class CompanyBase : ICompany
{
    /// <summary>Returns an empty profile: override to look the user up in the company's systems.</summary>
    public virtual Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new CompanyUserInfo { UserIdentifier = userIdentifier });

    /// <summary>Refuses every tool: override to implement the tools declared in company.yaml.</summary>
    /// <exception cref="IAToolkitException">Always, with code <see cref="ErrorCodes.ToolNotSupported"/>.</exception>
    public virtual Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new IAToolkitException(ErrorCodes.ToolNotSupported, $"Company '{context.ShortName}' does not implement the tool '{toolName}'.");
    }

    /// <summary>Adds nothing: override to register the company's own services.</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Contributes no verbs: override to add the company's own command-line verbs.</summary>
    public virtual IEnumerable<Command> GetCommands(CompanyRequestContext context) => [];
}
