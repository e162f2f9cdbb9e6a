using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>The tools offered for one question: the built-in ones the company can use, then the company's own.</summary>
internal sealed class ToolSet
{
    public static IList<AITool> Create(ToolRun run)
    {
        var configuration = run.Company.Configuration;
        var tools = new List<AITool>();
        if (configuration.SqlDataSources.Count > 0)
        {
            tools.Add(new SqlQueryTool(run));
        }

        if (configuration.KnowledgeBase?.DocumentSources.Count > 0)
        {
            tools.Add(new DocumentSearchTool(run));
        }

        tools.Add(new GenerateExcelTool(run));
        if (configuration.Mail is not null)
        {
            tools.Add(new SendEmailTool(run));
        }

        tools.AddRange(configuration.Tools.Select(t => new CompanyTool(run, t)));
        return tools;
    }
}
