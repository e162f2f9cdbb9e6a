using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Core.Tests.Companies;

/// <summary>A company that implements <see cref="ICompany"/> itself, without <see cref="CompanyBase"/>: the contract alone is enough.</summary>
internal sealed class InitechCompany : ICompany
{
    public Task<CompanyUserInfo> GetUserInfoAsync(string userIdentifier, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult(new CompanyUserInfo { UserIdentifier = userIdentifier, FullName = $"{userIdentifier} of {context.ShortName}" });

    public Task<object?> HandleRequestAsync(string toolName, JsonElement arguments, CompanyRequestContext context, CancellationToken cancellationToken)
        => Task.FromResult<object?>(new { company = context.ShortName, tool = toolName });

    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<Marker>();

    public IEnumerable<Command> GetCommands(CompanyRequestContext context) => [];

    /// <summary>A service only this company registers.</summary>
    internal sealed class Marker;
}
