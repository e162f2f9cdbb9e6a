using IAToolkit.Identity;

namespace IAToolkit.Core.Tests.Identity;

public sealed class AccountRulesTests
{
    [TestCase("Ana")]
    [TestCase("José María")]
    [TestCase("O'Brien")]
    [TestCase("Anne-Marie")]
    [TestCase("Jr.")]
    [TestCase("Zoë")]
    [TestCase("李")]
    public void IsValidName_RealNames_AreAccepted(string name) => Assert.That(AccountRules.IsValidName(name), Is.True);

    [TestCase("<script>alert(1)</script>")]
    [TestCase("x'; DROP TABLE iat_users; --")]
    [TestCase("a\nb")]
    [TestCase("")]
    [TestCase("-dash")]
    [TestCase("ThisNameIsMuchLongerThanFiftyCharactersAndKeepsGoingOn")]
    public void IsValidName_MarkupCodeOrOversized_IsRefused(string name) => Assert.That(AccountRules.IsValidName(name), Is.False);

    [TestCase(" Ana.Perez@Example.COM ", "ana.perez@example.com")]
    [TestCase("a+tag@sub.example.org", "a+tag@sub.example.org")]
    public void NormalizeEmail_ValidAddress_IsTrimmedAndLowerCased(string email, string expected)
        => Assert.That(AccountRules.NormalizeEmail(email), Is.EqualTo(expected));

    [TestCase("not-an-email")]
    [TestCase("a@b")]
    [TestCase("a b@example.com")]
    [TestCase("<x>@example.com")]
    [TestCase("")]
    public void NormalizeEmail_Malformed_IsNull(string email) => Assert.That(AccountRules.NormalizeEmail(email), Is.Null);

    [TestCase("Str0ng!pass", true)]
    [TestCase("short1!A", true)]
    [TestCase("alllowercase1!", false)]
    [TestCase("NoDigits!!", false)]
    [TestCase("NoSymbol123", false)]
    [TestCase("Sh0rt!", false)]
    public void IsStrongPassword_FollowsThePolicy(string password, bool strong)
        => Assert.That(AccountRules.IsStrongPassword(password), Is.EqualTo(strong));

    [Test]
    public void IsStrongPassword_OverTheMaximum_IsRefused()
        => Assert.That(AccountRules.IsStrongPassword("Aa1!" + new string('x', AccountRules.MaximumPasswordLength)), Is.False);
}
