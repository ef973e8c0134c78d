// Key Vault for the pseudonym master key and the key-encryption key; RBAC only, soft delete and purge protection on.
param location string
param name string
param tenantId string
@secure()
param pseudonymMasterKey string
@secure()
param keyEncryptionKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource masterKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-master-key'
  properties: { value: pseudonymMasterKey, contentType: 'base64' }
}

resource encryptionKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'key-encryption-key'
  properties: { value: keyEncryptionKey, contentType: 'base64' }
}

output id string = vault.id
output name string = vault.name
output masterKeyUri string = masterKey.properties.secretUri
output encryptionKeyUri string = encryptionKey.properties.secretUri
