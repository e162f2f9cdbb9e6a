using IAToolkit;
using IAToolkit.Answers;
using IAToolkit.ApiKeys;
using IAToolkit.Assistant;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Downloads;
using IAToolkit.Hosting;
using IAToolkit.Identity;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Mail;
using IAToolkit.Redis;
using IAToolkit.SqlSources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Extension methods live where host code already has a using for them.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.Hosting;
#pragma warning restore IDE0130

/// <summary>Adds the IAToolkit core services to any .NET host.</summary>
public static class IAToolkitHostBuilderExtensions
{
    /// <summary>
    /// Adds the framework's core services (configuration, database, Redis, companies, start-up sequence) without
    /// any web part; web hosts call <c>AddIAToolkit()</c> from IAToolkit.AspNet instead. Calling it twice returns
    /// the same builder. In Development a <c>.env</c> file in the content root is read, below real environment variables.
    /// </summary>
    public static IAToolkitBuilder AddIAToolkitCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(IAToolkitBuilder))?.ImplementationInstance;
        if (existing is IAToolkitBuilder already)
        {
            return already;
        }

        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new DotEnvConfigurationSource(Path.Combine(builder.Environment.ContentRootPath, ".env")));
        }

        var registry = new CompanyRegistry();
        var toolkit = new IAToolkitBuilder(builder.Services, builder.Configuration, builder.Environment, registry);
        builder.Services.AddSingleton(toolkit);
        builder.Services.AddSingleton(registry);

        // One line per feature folder; each Add… lives beside its feature and registers its settings and services.
        var services = builder.Services;
        services.AddSettings(builder.Environment);
        services.AddDatabase();
        services.AddRedis();
        services.AddCompanies();
        services.AddMail();
        services.AddSqlSources();
        services.AddDocumentParsing();
        services.AddDocumentChunking();
        services.AddAnswerRendering();
        services.AddDownloads();
        services.AddEmbeddings();
        services.AddKnowledgeStore();
        services.AddDocumentConnectors();
        services.AddAccounts();
        services.AddApiKeys();
        services.AddAssistant();
        services.AddKnowledgeLoading();

        // Last, so that the start-up sequence (migrations, companies) starts after the hosted services above.
        services.TryAddSingleton<IAToolkitStartup>();
        services.AddHostedService<IAToolkitStartupService>();
        return toolkit;
    }
}
