using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IAToolkit.AspNet.Security;

/// <summary>Writes every new key of the ring encrypted (see <see cref="KeyRingCipher"/>).</summary>
internal sealed class SecretKeyXmlEncryptor : IXmlEncryptor
{
    private readonly KeyRingCipher _cipher;

    public SecretKeyXmlEncryptor(KeyRingCipher cipher) => _cipher = cipher;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(_cipher.Encrypt(plaintextElement), typeof(SecretKeyXmlDecryptor));
}
