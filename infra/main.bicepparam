using 'main.bicep'

param prefix = 'qualpipe'
// Never commit real keys: pass them at deployment, e.g.
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam \
//     -p pseudonymMasterKey=$(head -c 32 /dev/urandom | base64) keyEncryptionKey=$(head -c 32 /dev/urandom | base64)
param pseudonymMasterKey = readEnvironmentVariable('PSEUDONYM_MASTER_KEY', '')
param keyEncryptionKey = readEnvironmentVariable('KEY_ENCRYPTION_KEY', '')
// The Entra ID app registration people sign in with (its app roles are listed in README.md).
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID', '')
