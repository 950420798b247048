/** tree-service: the tree's status, fruits and their viewing. 512 MB, 30 s. */
package jp.homebiyori.tree;
