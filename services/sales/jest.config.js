module.exports = { ...require('../../jest.preset.js'), displayName: 'sales', rootDir: __dirname };
