module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'aftersales',
  rootDir: __dirname,
};
