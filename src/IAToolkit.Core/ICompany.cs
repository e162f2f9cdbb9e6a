using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit;

/// <summary>
/// A company (tenant): the code half of a company. The other half is its folder
/// <c>companies/&lt;short_name&gt;/</c> (company.yaml, context, schema, prompts).
/// Derive from <see cref="CompanyBase"/> rather than implementing this interface directly.
/// </summary>
public interface ICompany
{
    /// <summary>The short name the company was registered with, e.g. <c>sample_company</c>.</summary>
    string ShortName { get; }

    /// <summary>The absolute path of the company folder.</summary>
    string Folder { get; }

    /// <summary>
    /// Returns the profile of a user of this company (typically looked up in the company's own systems);
    /// its values are injected into the assistant's context and into prompt templates.
    /// </summary>
    Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken);

    /// <summary>Runs one of the company's own tools (declared under <c>tools</c> in company.yaml) for the assistant.</summary>
    /// <returns>A value the framework serializes to JSON for the model.</returns>
    Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken);

    /// <summary>Adds the company's own services to the host's container. Called once, at registration.</summary>
    void ConfigureServices(IServiceCollection services);

    /// <summary>The company's own command-line verbs, run with <c>dotnet Host.dll &lt;verb&gt;</c>.</summary>
    /// <param name="services">The host's root service provider; create a scope for scoped services.</param>
    IEnumerable<Command> GetCommands(IServiceProvider services);
}
