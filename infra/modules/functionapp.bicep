// The function app: Flex Consumption, Linux, runtime "custom" (the ASP.NET Core custom handler), with a
// system-assigned identity; settings name the account and endpoints, and secrets are Key Vault references.
param location string
param name string
param storageAccountName string
param cosmosEndpoint string
param cosmosDatabase string
param masterKeyUri string
param encryptionKeyUri string
param insightsConnectionString string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  name: '${storageAccountName}/default/app-package'
  properties: { publicAccess: 'None' }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}app-package'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      runtime: { name: 'custom', version: '1.0' }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
        { name: 'Pipeline__TelemetryManagedIdentity', value: 'true' }
        { name: 'Pipeline__StorageConnection', value: storageAccountName }
        { name: 'Pipeline__CosmosEndpoint', value: cosmosEndpoint }
        { name: 'Pipeline__CosmosDatabase', value: cosmosDatabase }
        { name: 'Pipeline__PseudonymMasterKey', value: '@Microsoft.KeyVault(SecretUri=${masterKeyUri})' }
        { name: 'Pipeline__KeyEncryptionKey', value: '@Microsoft.KeyVault(SecretUri=${encryptionKeyUri})' }
        { name: 'Pipeline__LocalTriggers', value: 'false' }
      ]
    }
  }
  dependsOn: [ deployments ]
}

output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
