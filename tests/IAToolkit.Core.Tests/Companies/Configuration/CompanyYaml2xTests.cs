using IAToolkit.Companies.Configuration;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>
/// company.yaml as IAToolkit 2.x writes it: <c>llm.provider_api_keys</c>, <c>*_secret_ref</c> spellings, the renamed
/// mail providers, and the 2.x sections this framework does not implement (one warning each, never an error).
/// </summary>
public sealed class CompanyYaml2xTests
{
    private const string Head = "id: acme\nname: ACME\n";

    [Test]
    public void Load_ProviderApiKeys_TakesTheChosenProvidersVariable()
    {
        var result = Load(Head + """
            llm:
              model: gpt-5
              provider_api_keys: { openai: OPENAI_KEY_ACME, anthropic: ANTHROPIC_API_KEY, gemini: GEMINI_API_KEY }
            """, "OPENAI_KEY_ACME");

        Assert.That(result.Problems, Is.Empty, "the other providers' variables are not needed, so not checked");
        Assert.That(result.Configuration!.Llm.ApiKey!.Name, Is.EqualTo("OPENAI_KEY_ACME"));
    }

    [Test]
    public void Load_ProviderApiKeysWithoutTheChosenProvider_SaysWhichEntryIsMissing()
    {
        var problem = Load(Head + "llm:\n  model: gpt-5\n  provider_api_keys: { anthropic: ANTHROPIC_API_KEY }\n").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo("llm.provider_api_keys.openai"));
        Assert.That(problem.Message, Does.StartWith("is required"));
    }

    [Test]
    public void Load_ProviderApiKeysAndApiKey_UsesTheFirstAndWarnsAboutTheOther()
    {
        var result = Load(Head + "llm:\n  model: gpt-5\n  api-key: OLD_KEY\n  provider_api_keys: { openai: NEW_KEY }\n", "NEW_KEY");

        Assert.That(result.Warnings.Single().KeyPath, Is.EqualTo("llm.api-key"));
        Assert.That(result.Configuration!.Llm.ApiKey!.Name, Is.EqualTo("NEW_KEY"));
    }

    [Test]
    public void Load_SecretPastedIntoProviderApiKeys_IsRefusedWithoutRepeatingIt()
    {
        const string Secret = "sk-proj-4fJ8aQ2mZ7rT1xV9bN3cL6pW0sE5hK8d";
        var problem = Load(Head + $"llm:\n  model: gpt-5\n  provider_api_keys: {{ openai: {Secret} }}\n").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo("llm.provider_api_keys.openai"));
        Assert.That(problem.Message, Does.Not.Contain(Secret));
    }

    [Test]
    public void Load_SecretRefSpellings_AreReadWhereverAnEnvSpellingExists()
    {
        var result = Load(Head + """
            llm: { model: m, provider_api_keys: { openai: OPENAI_API_KEY } }
            embedding_provider: { provider: openai, model: text-embedding-3-small, api_key_secret_ref: EMBED_KEY }
            data_sources:
              sql:
                - { database: erp, connection_string_secret_ref: ERP_URI }
            knowledge_base:
              connectors:
                production: { type: s3, bucket: b, aws_access_key_id_secret_ref: S3_ID, aws_secret_access_key_secret_ref: S3_SECRET, aws_region_secret_ref: S3_REGION }
            """, "OPENAI_API_KEY", "EMBED_KEY", "ERP_URI", "S3_ID", "S3_SECRET", "S3_REGION");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        var configuration = result.Configuration!;
        Assert.That(configuration.Embedding!.ApiKey!.Name, Is.EqualTo("EMBED_KEY"));
        Assert.That(configuration.SqlDataSources.Single().ConnectionString.Name, Is.EqualTo("ERP_URI"));
        var production = configuration.KnowledgeBase!.Production!;
        Assert.That((production.AccessKeyId!.Name, production.SecretAccessKey!.Name, production.Region!.Name), Is.EqualTo(("S3_ID", "S3_SECRET", "S3_REGION")));
    }

    [Test]
    public void Load_BothSpellingsOfOneVariable_IsAnError()
    {
        var problem = Load(Head + "llm: { model: m, api-key: K }\ndata_sources:\n  sql:\n    - { database: erp, connection_string_env: A, connection_string_secret_ref: B }\n", "K").Errors.Single();

        Assert.That((problem.KeyPath, problem.Message), Is.EqualTo(("data_sources.sql[0].connection_string_secret_ref", "and connection_string_env both name the variable; keep one of them")));
    }

    [Test]
    public void Load_IatoolkitMailProvider_IsBrevoWithTheSecretRefKey()
    {
        var result = Load(Head + """
            llm: { model: m, api-key: K }
            mail_provider:
              provider: iatoolkit_mail
              sender_email: assistant@acme.example
              iatoolkit_mail: { api_key_secret_ref: ACME_BREVO }
            """, "K", "ACME_BREVO");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Configuration!.Mail!.Provider, Is.EqualTo(MailProvider.BrevoMail));
        Assert.That(result.Configuration.Mail.BrevoApiKey.Name, Is.EqualTo("ACME_BREVO"));
    }

    [Test]
    public void Load_SmtpProvider_ReadsTheSecretRefKeys()
    {
        var result = Load(Head + """
            llm: { model: m, api-key: K }
            mail_provider:
              provider: smtp
              sender_email: assistant@acme.example
              smtp: { host_secret_ref: ACME_SMTP_HOST, port_secret_ref: ACME_SMTP_PORT, password_secret_ref: ACME_SMTP_PASSWORD }
            """, "K", "ACME_SMTP_HOST", "ACME_SMTP_PORT");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        var smtp = result.Configuration!.Mail!.Smtp;
        Assert.That((smtp.Host.Name, smtp.Port.Name, smtp.Password.Name, smtp.Username.Name), Is.EqualTo(("ACME_SMTP_HOST", "ACME_SMTP_PORT", "ACME_SMTP_PASSWORD", "SMTP_USERNAME")));
    }

    [Test]
    public void Load_2xSectionsNotImplementedHere_AreOneWarningEachSayingSo()
    {
        var result = Load(Head + """
            llm:
              model: m
              api-key: K
              gateway: { enabled: true, vendor: cloudflare }
              telemetry: { enabled: true, provider: braintrust }
            visual_embedding_provider: { provider: huggingface, model: openai/clip-vit-base-patch32 }
            inference_tools:
              _defaults: { connect_timeout_seconds: 5 }
            sso: { enabled: true }
            tasks: { enabled: true }
            payments: { provider: stripe }
            web_search: { enabled: true, provider: brave }
            """, "K");

        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.Warnings.Select(w => w.KeyPath), Is.EquivalentTo(new[]
        {
            "llm.gateway", "llm.telemetry", "visual_embedding_provider", "inference_tools", "sso", "tasks", "payments", "web_search",
        }));
        Assert.That(result.Warnings.Select(w => w.Message), Has.All.Contain("is an IAToolkit 2.x setting").And.All.Contain("does not support"));
    }

    [TestCase("schema: \"a,b\"", "data_sources.sql[0].schema", "'a,b' is not a PostgreSQL schema name")]
    [TestCase("timeout: 0", "data_sources.sql[0].timeout", "must be between 1 and 600 seconds")]
    [TestCase("timeout: 601", "data_sources.sql[0].timeout", "must be between 1 and 600 seconds")]
    [TestCase("timeout: soon", "data_sources.sql[0].timeout", "must be a whole number")]
    public void Load_WrongSqlSchemaOrTimeout_IsAnErrorAtItsKey(string setting, string keyPath, string message)
    {
        var problem = Load(Head + $"llm: {{ model: m, api-key: K }}\ndata_sources:\n  sql:\n    - {{ database: erp, connection_string_env: ERP, {setting} }}\n", "K", "ERP").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo(keyPath));
        Assert.That(problem.Message, Does.StartWith(message));
    }

    [Test]
    public void Load_TableFileOfAnUnknownDatabase_WarnsAndKeepsItAsAnAdditionalSchema()
    {
        using var folder = new TestCompanyFolder()
            .CompanyYaml(Head + "llm: { model: m, api-key: K }\ndata_sources:\n  sql:\n    - { database: erp, connection_string_env: ERP }\n")
            .File("schema/crm-leads.yaml", "leads:\n  description: Leads\n");

        var result = folder.Load("K", "ERP");

        var warning = result.Warnings.Single();
        Assert.That(warning.File, Does.EndWith("schema/crm-leads.yaml"));
        Assert.That(warning.Message, Does.Contain("'crm' is not one of data_sources.sql"));
        Assert.That(result.Configuration!.SchemaFiles.Single().Table, Is.Null);
    }

    [Test]
    public void Load_KnowledgeBase2x_ReadsCollectionsFoldersParsersAndTheStorageConnector()
    {
        var result = Load(Head + """
            llm: { model: m, api-key: K }
            connectors:
              iatoolkit_storage: { type: s3, bucket: acme-files, prefix: docs, aws_access_key_id_secret_ref: S3_ID, aws_secret_access_key_secret_ref: S3_SECRET, aws_region_secret_ref: S3_REGION }
            knowledge_base:
              parsing_provider: auto
              collections:
                - contracts
                - { name: manuals, parser_provider: legacy }
              document_sources:
                hr: { folder: hr/contracts, collection: contracts, metadata: { type: employee_contract } }
                suppliers: { path: suppliers, collection: manuals }
            """, "K", "S3_ID", "S3_SECRET", "S3_REGION");

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        var knowledgeBase = result.Configuration!.KnowledgeBase!;
        Assert.That(knowledgeBase.Collections, Is.EqualTo(new[] { "contracts", "manuals" }));
        Assert.That(knowledgeBase.Production!.Bucket, Is.EqualTo("acme-files"), "connectors.iatoolkit_storage holds the documents");
        var hr = knowledgeBase.DocumentSources.Single(s => s.Name == "hr");
        Assert.That((hr.Path, hr.Collection), Is.EqualTo(("hr/contracts", "contracts")));
        Assert.That(hr.Metadata["collection"].GetString(), Is.EqualTo("contracts"));
        Assert.That(hr.Metadata["type"].GetString(), Is.EqualTo("employee_contract"));
    }

    [TestCase("collections: [a]\n  document_sources:\n    s: { path: p, collection: b }", "knowledge_base.document_sources.s.collection", "'b' is not one of knowledge_base.collections: a")]
    [TestCase("document_sources:\n    s: { path: p, collection: b }", "knowledge_base.document_sources.s.collection", "'b' needs knowledge_base.collections to list it")]
    [TestCase("document_sources:\n    s: { path: p, folder: q }", "knowledge_base.document_sources.s.folder", "and path both name the source's folder")]
    [TestCase("parsing_provider: magic", "knowledge_base.parsing_provider", "'magic' is not one of auto, basic, legacy, docling")]
    public void Load_WrongKnowledgeBase2xSetting_IsAnErrorAtItsKey(string section, string keyPath, string message)
    {
        var problem = Load(Head + "llm: { model: m, api-key: K }\nknowledge_base:\n  " + section + "\n", "K").Errors.Single();

        Assert.That(problem.KeyPath, Is.EqualTo(keyPath));
        Assert.That(problem.Message, Does.StartWith(message));
    }

    [Test]
    public void Load_DoclingAndUnsupportedConnectorTypes_AreWarnings()
    {
        var result = Load(Head + """
            llm: { model: m, api-key: K }
            connectors:
              drive: { type: gdrive, folder_id: abc, service_account_secret_ref: GDRIVE_SA }
              iatoolkit_storage: { type: local, path: files }
            knowledge_base:
              parsing_provider: docling
            """, "K");

        Assert.That(result.HasErrors, Is.False, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Warnings.Select(w => w.KeyPath), Is.EquivalentTo(new[] { "connectors.drive.type", "knowledge_base.parsing_provider" }));
    }

    private static IAToolkit.Companies.Configuration.Reading.CompanyLoadResult Load(string yaml, params string[] variables)
    {
        using var folder = new TestCompanyFolder().CompanyYaml(yaml);
        return folder.Load(variables);
    }
}
