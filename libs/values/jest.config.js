module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'values',
  rootDir: __dirname,
};
