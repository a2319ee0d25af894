using System.Security.Cryptography;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Cli.Commands;

/// <summary>Loads the local hashing key, creating a random one on first use so stored hashes stay comparable across runs.</summary>
internal static class HashKeyFile
{
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var key = File.ReadAllBytes(path);
            if (key.Length < KeyedHasher.MinKeyBytes)
            {
                throw new ArgumentException($"key file '{path}' holds {key.Length} bytes; at least {KeyedHasher.MinKeyBytes} are needed");
            }

            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fresh = RandomNumberGenerator.GetBytes(KeyedHasher.MinKeyBytes);
        File.WriteAllBytes(path, fresh);
        return fresh;
    }
}
