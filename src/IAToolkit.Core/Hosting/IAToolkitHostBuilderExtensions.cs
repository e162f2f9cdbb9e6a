using IAToolkit;
using IAToolkit.Answers;
using IAToolkit.ApiKeys;
using IAToolkit.Assistant;
using IAToolkit.Assistant.Context;
using IAToolkit.Assistant.Conversations;
using IAToolkit.Assistant.Llm;
using IAToolkit.Assistant.Prompts;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Downloads;
using IAToolkit.Hosting;
using IAToolkit.Identity;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Mail;
using IAToolkit.Redis;
using IAToolkit.SqlSources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        AddOptions(builder.Services, builder.Environment);
        AddServices(builder.Services);
        return toolkit;
    }

    private static void AddOptions(IServiceCollection services, IHostEnvironment environment)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, SettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, SettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SettingsValidator>());

        services.AddOptions<IAToolkitOptions>()
            .BindConfiguration(IAToolkitOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.Environment = c[$"{IAToolkitOptions.SectionName}:Environment"] ?? c["FLASK_ENV"] ?? environment.EnvironmentName);
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.ConnectionString = c[DatabaseOptions.VariableName] ?? o.ConnectionString)
            .ValidateOnStart();
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.Url = c[RedisOptions.VariableName] ?? o.Url)
            .ValidateOnStart();
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .Configure<IConfiguration>((o, c) =>
            {
                o.SecretKey = c[SecurityOptions.SecretKeyVariable] ?? o.SecretKey;
                o.FernetKey = c[SecurityOptions.FernetKeyVariable] ?? o.FernetKey;
            })
            .ValidateOnStart();
    }

    private static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton<CoreDatabase>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<CompanyFolderLocator>();
        services.TryAddSingleton<CompanyConfigurationLoader>();
        services.TryAddSingleton<CompanySecrets>();
        services.TryAddSingleton<CompanyFolderChecker>();
        services.TryAddSingleton<CompanyCatalog>();
        services.TryAddSingleton<ICompanyCatalog>(sp => sp.GetRequiredService<CompanyCatalog>());
        // Mail (src/IAToolkit.Core/Mail): IMailService with its SMTP and Brevo transports and the Brevo HTTP client.
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailTransport, SmtpMailTransport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailTransport, BrevoMailTransport>());
        services.TryAddSingleton<IMailService, MailService>();
        services.AddHttpClient(BrevoMailTransport.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<MailOptions>>().Value.Timeout)
            .RedactLoggedHeaders(_ => true);
        // End of mail.
        // SQL data sources (src/IAToolkit.Core/DataSources): a pool per company database, the iat_sql_query engine, the schema text.
        services.AddOptions<SqlToolOptions>().BindConfiguration(SqlToolOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqlToolOptions>, SqlToolOptionsValidator>());
        services.TryAddSingleton<SqlSourceConnections>();
        services.TryAddSingleton(sp => new SqlQueryRunner(
            sp.GetRequiredService<SqlSourceConnections>(),
            sp.GetRequiredService<IOptions<SqlToolOptions>>(),
            sp.GetRequiredService<ILogger<SqlQueryRunner>>()));
        services.TryAddSingleton<SqlSchemaDescriber>();
        // End of SQL data sources.
        // Knowledge parsing and chunking (src/IAToolkit.Core/Knowledge/Parsing, .../Chunking): documents to page texts,
        // page texts to token-limited, overlapping chunks.
        services.AddOptions<DocumentParsingOptions>().BindConfiguration(DocumentParsingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentParsingOptions>, DocumentParsingOptionsValidator>());
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChunkingOptions>, ChunkingOptionsValidator>());
        services.AddDocumentReaders();
        services.TryAddSingleton<DocumentChunker>();
        // End of knowledge parsing and chunking.
        // Answers and downloads (src/IAToolkit.Core/Answers, src/IAToolkit.Core/Downloads): the sanitizing answer renderer,
        // the spreadsheet writer of iat_generate_excel and the short-lived downloads in Redis.
        services.AddOptions<AnswerRenderingOptions>().BindConfiguration(AnswerRenderingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerRenderingOptions>, AnswerRenderingOptionsValidator>());
        services.TryAddSingleton<AnswerRenderer>();
        services.AddOptions<ExcelOptions>().BindConfiguration(ExcelOptions.SectionName).ValidateOnStart();
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExcelOptions>, DownloadsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DownloadOptions>, DownloadsOptionsValidator>());
        services.TryAddSingleton<ExcelWorkbookWriter>();
        services.TryAddSingleton(sp => new DownloadStore(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<IOptions<DownloadOptions>>(), sp.GetRequiredService<ILogger<DownloadStore>>()));
        // End of answers and downloads.
        // Knowledge base embeddings (src/IAToolkit.Core/Knowledge/Embeddings): the in-process MiniLM (loaded once per process,
        // on first use) and each company's OpenAI/Azure embeddings client.
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddSingleton<MiniLmModel>();
        services.TryAddSingleton<EmbeddingService>();
        // End of knowledge base embeddings.
        // Knowledge base storage and search (src/IAToolkit.Core/Knowledge/Store): documents and chunks in pgvector,
        // each company's partial HNSW index, and the hybrid (vector + full-text, RRF) search.
        services.TryAddSingleton<CompanyVectorIndexes>();
        services.TryAddSingleton<KnowledgeStore>();
        services.TryAddSingleton<KnowledgeSearch>();
        // End of knowledge base storage and search.
        // Knowledge-base connectors (src/IAToolkit.Core/Knowledge/Connectors): the local folders and S3 buckets document sources live in.
        services.AddOptions<DocumentConnectorOptions>().BindConfiguration(DocumentConnectorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentConnectorOptions>, DocumentConnectorOptionsValidator>());
        services.TryAddSingleton<S3ClientPool>();
        services.TryAddSingleton<DocumentConnectorFactory>();
        // End of knowledge-base connectors.
        services.TryAddSingleton<IAToolkitStartup>();
        services.TryAddSingleton<RedisRateLimiter>();
        services.TryAddSingleton<RedisSlidingWindowLimiter>();
        services.TryAddSingleton<RedisConcurrencyLimiter>();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());

        // Identity
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<Passwords>();
        services.TryAddSingleton<LoginAudit>();
        services.TryAddSingleton<AccountMails>();
        services.TryAddSingleton<LoginBackoff>();
        services.TryAddSingleton<SessionStamps>();
        // Account mails leave the request path: queued here, sent by a hosted service.
        services.TryAddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxWorker>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<ExternalLoginTokens>();

        // API keys: the operator verbs create, list and revoke them; the Bearer handler validates them.
        services.TryAddSingleton<ApiKeyStore>();

        // The assistant: models, context, prompts, conversations, tools, the query log and feedback.
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName);
        services.TryAddSingleton<ChatClientProvider>();
        services.TryAddSingleton<ContextBuilder>();
        services.TryAddSingleton<PromptRenderer>();
        services.TryAddSingleton<TurnStore>();
        services.TryAddSingleton<QueryLogStore>();
        services.TryAddSingleton<QueryStatistics>();
        services.AddAssistantTools();
        services.TryAddSingleton<QueryService>();
        services.TryAddSingleton<FeedbackService>();
        services.AddHttpClient(FeedbackService.HttpClientName).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(10));

        // The knowledge base: loading sources, single uploads and the file store (the parts have their own blocks).
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        services.TryAddSingleton<DocumentIngestion>();
        services.TryAddSingleton<KnowledgeLoader>();
        services.TryAddSingleton<DocumentUpload>();
        services.TryAddSingleton<FileStore>();

        services.AddHostedService<IAToolkitStartupService>();
    }
}
