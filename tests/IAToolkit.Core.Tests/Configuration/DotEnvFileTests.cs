using IAToolkit.Configuration;

namespace IAToolkit.Core.Tests.Configuration;

public sealed class DotEnvFileTests
{
    [Test]
    public void Parse_PythonDotenvSyntax_ReadsEveryForm()
    {
        const string text = """
            # comment
            DATABASE_URI=postgresql://u@h/db
            export REDIS_URL=redis://localhost:6379/0
            QUOTED="a \"quoted\"\nvalue"
            LITERAL='no $expansion \n here'
            TRAILING=value # a comment
            EMPTY=
            """;

        var values = DotEnvFile.Parse(text);

        Assert.That(values["DATABASE_URI"], Is.EqualTo("postgresql://u@h/db"));
        Assert.That(values["REDIS_URL"], Is.EqualTo("redis://localhost:6379/0"));
        Assert.That(values["QUOTED"], Is.EqualTo("a \"quoted\"\nvalue"));
        Assert.That(values["LITERAL"], Is.EqualTo("no $expansion \\n here"));
        Assert.That(values["TRAILING"], Is.EqualTo("value"));
        Assert.That(values["EMPTY"], Is.Empty);
    }

    [TestCase("JUST_A_WORD", "line 1")]
    [TestCase("OK=1\n9BAD=2", "line 2")]
    [TestCase("X=\"unterminated", "line 1")]
    public void Parse_MalformedLine_NamesTheLine(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DotEnvFile.Parse(text));

        Assert.That(ex!.Message, Does.StartWith(expected));
    }
}
